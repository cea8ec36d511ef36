/**
 * Which stored units count towards which target units, and by how much. A value stored on a unit counts for every
 * target that is the unit or one of its ancestors (weight 1) when the unit is current; a unit closed by the 2025
 * reorganisation counts through its mappings instead (weight = the share, summed when a split commune maps onto two
 * units of the same target); a closed unit without a mapping (an old district) counts only for targets above it.
 */

export interface GraphUnit {
  id: string;
  /** `/42/18073/`: ancestors and self. */
  path: string;
  valid_to: string | null;
}

export interface GraphMapping {
  old_id: string;
  new_id: string;
  share: number;
}

export interface TargetWeight {
  target: string;
  weight: number;
}

function ancestorsOrSelf(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

export function contributionWeights(
  units: readonly GraphUnit[],
  mappings: readonly GraphMapping[],
  targets: readonly string[],
): Map<string, TargetWeight[]> {
  const wanted = new Set(targets);
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const mappingsOf = new Map<string, GraphMapping[]>();
  for (const m of mappings) mappingsOf.set(m.old_id, [...(mappingsOf.get(m.old_id) ?? []), m]);

  const result = new Map<string, TargetWeight[]>();
  for (const unit of units) {
    const weights = new Map<string, number>();
    const add = (path: string | undefined, weight: number) => {
      for (const id of ancestorsOrSelf(path ?? '')) {
        if (wanted.has(id)) weights.set(id, (weights.get(id) ?? 0) + weight);
      }
    };
    const unitMappings = mappingsOf.get(unit.id);
    if (unit.valid_to === null || !unitMappings) add(unit.path, 1);
    else for (const m of unitMappings) add(pathOf.get(m.new_id), Number(m.share));
    if (weights.size > 0)
      result.set(
        unit.id,
        [...weights].map(([target, weight]) => ({ target, weight })),
      );
  }
  return result;
}
