// R16/R17: the confirmation after Save ("1 new assigned license, 2 revoked; 1 invitation will be
// sent"): one invitation per person without an account, however many licenses they receive.
import type { AssignmentChange } from "@/lib/assignments/assignment-change";

export type ChangeSetSummary = { granted: number; revoked: number; invitations: number };

export function summarizeChangeSet(changes: Iterable<AssignmentChange>, isRegistered: (userId: string) => boolean): ChangeSetSummary {
  let granted = 0;
  let revoked = 0;
  const invited = new Set<string>();
  for (const change of changes) {
    if (!change.assigned) {
      revoked += 1;
      continue;
    }
    granted += 1;
    if (!isRegistered(change.userId)) invited.add(change.userId);
  }
  return { granted, revoked, invitations: invited.size };
}
