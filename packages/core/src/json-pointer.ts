/** JSON Pointer (RFC 6901) reference tokens: `~` is written `~0` and `/` is written `~1`. */

/** `a/b~c` → `a~1b~0c` */
export const escapePointerToken = (key: string): string =>
  key.replace(/~/g, '~0').replace(/\//g, '~1');

/** `a~1b~0c` → `a/b~c` */
export const unescapePointerToken = (token: string): string =>
  token.replace(/~1/g, '/').replace(/~0/g, '~');
