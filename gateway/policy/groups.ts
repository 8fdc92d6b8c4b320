// Sender groups for `match.senderGroup`. Resolution is async so a directory-backed resolver
// (Entra ID, Google groups) can replace the static one; decide() itself stays synchronous and
// takes the resolved groups in its context.

import type { Policy } from './schema.ts';
import { addressMatches, compileAddressPattern, parseAddress, type AddressPattern } from './wildcard.ts';

export interface SenderGroupResolver {
  /** Names of the groups `address` belongs to; [] when none. */
  groupsOf(address: string): Promise<string[]>;
}

/** Groups from the policy file's `senderGroups: { name: [address patterns] }`. */
export class StaticSenderGroupResolver implements SenderGroupResolver {
  readonly #groups: Array<{ name: string; members: AddressPattern[] }>;

  constructor(groups: Record<string, string[]>) {
    this.#groups = Object.entries(groups).map(([name, patterns]) => ({
      name,
      members: patterns.flatMap((pattern) => {
        const compiled = compileAddressPattern(pattern);
        return compiled.ok ? [compiled.pattern] : [];
      }),
    }));
  }

  static fromPolicy(policy: Policy): StaticSenderGroupResolver {
    return new StaticSenderGroupResolver(policy.senderGroups);
  }

  /** Synchronous form, for explain and tests. */
  groupsOfSync(address: string): string[] {
    const parsed = parseAddress(address);
    if (parsed === null) return [];
    return this.#groups.filter((group) => group.members.some((member) => addressMatches(member, parsed))).map((group) => group.name);
  }

  async groupsOf(address: string): Promise<string[]> {
    return this.groupsOfSync(address);
  }
}
