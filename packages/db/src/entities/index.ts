import { Page } from './page.entity.ts';
import { User } from './user.entity.ts';
import { WorkCollaborator } from './work-collaborator.entity.ts';
import { Work } from './work.entity.ts';

/** Every entity, listed explicitly (no folder discovery). */
export const entities = [User, Work, WorkCollaborator, Page];
