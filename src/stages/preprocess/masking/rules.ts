// Masking rules: which variable parts of a line become placeholder tokens, in order.
// The defaults cover addresses, identifiers, paths and numbers; users add their own in the config.
import { z } from 'zod';

export const maskingRuleSchema = z.strictObject({
  /** A short name for messages and meta.json. */
  name: z.string().regex(/^[a-z0-9_]+$/, 'rule names must match ^[a-z0-9_]+$'),
  /** A JavaScript regular expression (without slashes). */
  pattern: z.string().min(1),
  /** The token put in place of a match, e.g. <IP>. */
  mask_with: z.string().min(1),
  /** Optional: texts of which a line must contain at least one for the rule to be able to match (a speed hint; leave it out when unsure). */
  requires: z.array(z.string().min(1)).min(1).optional(),
  /** Regular expression flags besides g, e.g. "i". */
  flags: z.string().regex(/^[imsu]*$/, 'flags may only be i, m, s or u').optional(),
});

export type MaskingRule = z.infer<typeof maskingRuleSchema>;

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

export const DEFAULT_MASKING_RULES: readonly MaskingRule[] = Object.freeze([
  { name: 'uuid', pattern: '\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b', mask_with: '<UUID>', requires: ['-'] },
  { name: 'url', pattern: '\\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\\s"\'<>]+', mask_with: '<URL>', requires: ['://'] },
  { name: 'email', pattern: '\\b[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}\\b', mask_with: '<EMAIL>', requires: ['@'] },
  { name: 'mac', pattern: '\\b[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5}\\b', mask_with: '<MAC>', requires: [':', '-'] },
  { name: 'ipv6', pattern: '(?<![\\w:.])(?=[0-9a-fA-F:]{0,39}(?:::|[a-fA-F]))(?:[0-9a-fA-F]{1,4}:|:){2,7}(?:[0-9a-fA-F]{1,4}|:)(?![\\w:])', mask_with: '<IPV6>', requires: [':'] },
  { name: 'ipv4', pattern: `(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?::\\d{1,5})?(?![\\d.])`, mask_with: '<IP>', requires: ['.'] },
  { name: 'block_id', pattern: 'blk_-?\\d+', mask_with: '<BLK>', requires: ['blk_'] },
  { name: 'path', pattern: '(?<![\\w.~])(?:~|\\.{1,2})?(?:/[\\w.@%+=:,-]+){2,}/?', mask_with: '<PATH>', requires: ['/'] },
  { name: 'hex', pattern: '\\b0x[0-9a-fA-F]+\\b|(?<![\\w-])(?=[0-9a-fA-F]{0,63}[a-fA-F])(?=[0-9a-fA-F]{0,63}\\d)[0-9a-fA-F]{8,64}(?![\\w-])', mask_with: '<HEX>', requires: DIGITS },
  { name: 'duration', pattern: '(?<![\\w.])\\d+(?:\\.\\d+)?(?:ms|us|µs|ns|s|sec|secs|min|mins|h)(?![\\w.])', mask_with: '<DUR>', requires: DIGITS },
  { name: 'number', pattern: '(?<![A-Za-z0-9_.])[-+]?\\d+(?:\\.\\d+)*(?![A-Za-z0-9_])', mask_with: '<NUM>', requires: DIGITS },
]);
