import { authorizeWork, type WorkAccess } from '../works/works.policy.ts';

/**
 * Who may keep reading progress on a work: anyone signed in who may read it (a collaborator, or
 * anybody once it is published). Everyone sees only their own progress, so listing needs no rule.
 */
export function authorizeReadingProgress(access: WorkAccess): void {
  authorizeWork(access, 'trackReading');
}
