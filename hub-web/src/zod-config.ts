import { z } from 'zod';

// The page's CSP allows no eval: zod must not probe for it (the caught probe still logs a CSP
// violation). Imported first by main.tsx, before any module parses with zod at load time.
z.config({ jitless: true });
