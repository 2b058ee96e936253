/** A recommendation as written in explanation-texts.ts: the fields it names in `backticks` as code. */
export function CodeText({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
