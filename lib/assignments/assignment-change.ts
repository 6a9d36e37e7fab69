/** One tick in the grid: a license given to (assigned) or taken from a user. */
export type AssignmentChange = { licenseId: string; userId: string; assigned: boolean };

export function pairKey(pair: { licenseId: string; userId: string }): string {
  return `${pair.licenseId}:${pair.userId}`;
}
