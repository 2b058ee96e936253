/** Where this Cosecha answers (`http://host:port`), for the absolute addresses of files and JSON-LD. */
import type { Request } from 'express';

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
