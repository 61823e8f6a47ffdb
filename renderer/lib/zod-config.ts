import { z } from 'zod';

// Must run before any schema is built (zod decides per object schema, at construction, whether to
// compile a parser with `new Function`): main.tsx imports this module first. The CSP forbids eval,
// so without it zod's probe makes the browser log a violation on every start.
z.config({ jitless: true });
