import { describe, expect, it } from 'vitest';
import { endDateIn, isIncoming, otherParty, type Mentorship } from './mentorship-types.ts';

const ana = { id: 1, handle: 'ana', displayName: 'Ana' };
const bo = { id: 2, handle: 'bo', displayName: 'Bo' };
const relation = (role: 'mentor' | 'mentee', sentBy: 'mentor' | 'mentee'): Mentorship => ({
  id: 5,
  mentor: ana,
  mentee: bo,
  role,
  sentBy,
  state: 'PENDING',
  endDate: '2030-01-01T00:00:00.000Z',
  notes: null,
  acceptedAt: null,
  createdAt: '2029-12-01T00:00:00.000Z',
});

describe('mentorship helpers', () => {
  it('tells a received request from a sent one, and who the other party is', () => {
    expect(isIncoming(relation('mentor', 'mentee'))).toBe(true);
    expect(isIncoming(relation('mentee', 'mentee'))).toBe(false);
    expect(otherParty(relation('mentor', 'mentee'))).toBe(bo);
    expect(otherParty(relation('mentee', 'mentor'))).toBe(ana);
  });

  it('puts the end date whole weeks ahead', () => {
    expect(endDateIn(4, new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-29T00:00:00.000Z');
  });
});
