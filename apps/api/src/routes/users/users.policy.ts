import type { AuthContext } from '../../http/env.ts';

/**
 * Public profiles are readable by anyone, signed in or not; what they show is limited to public
 * facts (no e-mail address, no preferences) and published works (drafts stay private).
 */
export function authorizeProfileView(_auth: AuthContext | undefined): void {}
