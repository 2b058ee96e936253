/**
 * Who and under what terms, from ISO 19139: responsible parties (`CI_ResponsibleParty` by
 * `CI_RoleCode`) become the publisher and the contact point; resource constraints
 * (`MD_LegalConstraints`, `MD_Constraints`) become the licence, the access rights and a rights
 * statement. Values stay as declared; normalization reads them.
 */
import type { Agent, Coded, ContactPoint, License } from '../src/dcat/types.js';
import { anchorHref, codeOf, kids, path, textAt, textOf, type XmlNode } from './csw-xml.js';

interface Party {
  role?: string;
  organisation?: string;
  individual?: string;
  email?: string;
  url?: string;
}

// The roles that can stand for the publisher and for the contact point, most telling first.
const PUBLISHER_ROLES = ['publisher', 'owner', 'originator', 'pointOfContact'];
const CONTACT_ROLES = ['pointOfContact', 'custodian', 'publisher', 'owner', 'originator', 'distributor'];

/**
 * The publisher and the contact point. The resource's own parties (`identificationInfo`
 * `pointOfContact`, the citation's `citedResponsibleParty`) come first; the metadata contact
 * (`MD_Metadata/contact`, in SDIs nearly always the producing institution) only after them.
 */
export function agentsOf(md: XmlNode, identification: XmlNode, citation: XmlNode | undefined): { publisher?: Agent; contactPoint?: ContactPoint } {
  const resource = [...kids(identification, 'pointOfContact'), ...kids(citation, 'citedResponsibleParty')].flatMap(partiesIn);
  const parties = [...resource, ...kids(md, 'contact').flatMap(partiesIn)];
  const byRole = (roles: string[]) => roles.map((role) => parties.find((p) => p.role === role && (p.organisation || p.individual || p.email))).find(Boolean);
  const pub = byRole(PUBLISHER_ROLES);
  const contact = byRole(CONTACT_ROLES) ?? parties.find((p) => p.organisation || p.email);
  return {
    publisher: pub?.organisation || pub?.email ? { name: pub.organisation, email: pub.email } : undefined,
    contactPoint: contact ? { name: contact.organisation ?? contact.individual, email: contact.email, url: contact.url } : undefined,
  };
}

function partiesIn(property: XmlNode): Party[] {
  return kids(property, 'CI_ResponsibleParty').map((party) => {
    const contact = path(party, 'contactInfo', 'CI_Contact')[0];
    return {
      role: codeOf(kids(party, 'role')[0]),
      organisation: textAt(party, 'organisationName'),
      individual: textAt(party, 'individualName') ?? textAt(party, 'positionName'),
      email: textAt(contact, 'address', 'CI_Address', 'electronicMailAddress'),
      url: textAt(contact, 'onlineResource', 'CI_OnlineResource', 'linkage'),
    };
  });
}

export interface Terms {
  license?: License;
  accessRights?: Coded;
  /** The use limitations and other constraints the licence and access rights do not hold, one paragraph each. */
  rights?: string;
}

// An `otherConstraints` text that names a licence (for a block that declares both access and use constraints).
const LICENCE_WORDS = /licen[cs]|creative\s*commons|\bcc[\s-]?(by|0|zero)\b|odbl|open\s*data\s*commons|dominio\s+p[uú]blico|public\s+domain/i;
const URL_IN_TEXT = /https?:\/\/[^\s)>\]"']+/i;

interface Constraint {
  text: string;
  href?: string;
}

/**
 * Licence, access rights and rights from `resourceConstraints`. An `otherConstraints` belongs to
 * the access side when its block declares only `accessConstraints`, to the use side when it
 * declares only `useConstraints` (or neither), and by its wording when it declares both. The
 * licence is the first use-side text (its `gmx:Anchor` or a URL inside it as the licence URL),
 * else the first `useLimitation`. Access rights are the first access-side text, else an
 * access code other than `otherRestrictions` (which only points at the texts). The rest is the
 * rights statement.
 */
export function termsOf(identification: XmlNode): Terms {
  const use: Constraint[] = [];
  const access: Constraint[] = [];
  const limitations: string[] = [];
  const accessCodes: string[] = [];
  for (const block of path(identification, 'resourceConstraints', '*')) {
    limitations.push(...kids(block, 'useLimitation').map((p) => textOf(p)).filter((t): t is string => t !== undefined));
    const accessDeclared = kids(block, 'accessConstraints').map(codeOf).filter((c): c is string => c !== undefined);
    const useDeclared = kids(block, 'useConstraints').length > 0;
    accessCodes.push(...accessDeclared);
    for (const property of kids(block, 'otherConstraints')) {
      const text = textOf(property);
      if (!text) continue;
      const side = accessDeclared.length === 0 ? use : !useDeclared ? access : LICENCE_WORDS.test(text) ? use : access;
      side.push({ text, href: anchorHref(property) });
    }
  }
  const licence = use[0];
  const code = accessCodes.find((c) => c !== 'otherRestrictions');
  const license: License | undefined = licence
    ? { raw: licence.text, url: licence.href ?? URL_IN_TEXT.exec(licence.text)?.[0].replace(/[.,;:]+$/, '') }
    : limitations[0] ? { raw: limitations[0] } : undefined;
  const accessRights: Coded | undefined = access[0] ? { raw: access[0].text } : code ? { raw: code } : undefined;
  // dct:rights holds what the licence and the access rights do not already say.
  const taken = new Set([license?.raw, accessRights?.raw]);
  const statements = [...new Set([...limitations, ...use.map((c) => c.text), ...access.map((c) => c.text)])].filter((t) => !taken.has(t));
  return { license, accessRights, rights: statements.length ? statements.join('\n\n') : undefined };
}
