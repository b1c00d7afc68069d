// The mean of scores in numeric with 40 decimals (an integer sum divided by a count alone keeps
// about 16 digits): every step after it keeps at least that scale, so fit reaches float8 as the
// nearest Float to its exact value, the same Float the pure model's exact arithmetic gives. Equal
// fits then compare equal in the order, whatever path their sums took (the ties §3 breaks on coverage).
export const meanSql = (sum: string, count: string) => `round((${sum})::numeric, 40) / ${count}`;

// §3's formulas in SQL, shared by the mandate's ranking (fit module), the talent pool and its maintained order:
// the aggregates over a group's weighted requirements `q` (weight, target, minimum) each joined to
// its score `sc.score` (null: not assessed), in exact numeric arithmetic …
// The attainment of a requirement's target by a score (§3), for a weighted sum.
export const attainmentSql = (score: string, target: string) =>
  `case when ${target} = 1 then 1 else (least(${score}, ${target}) - 1) / (${target} - 1) end`;

export const FIT_SUMS_SQL = `sum(q.weight) filter (where sc.score is not null) as assessed_weight,
              sum(q.weight) as total_weight,
              sum(q.weight * ${attainmentSql('sc.score', 'q.target')})
                filter (where sc.score is not null) as weighted_attainment,
              bool_or(q.minimum is not null and sc.score < q.minimum) as missed,
              bool_or(q.minimum is not null and sc.score is null) as unknown_minimum`;

// … and fit, coverage and mustHavesMet from those aggregates, cast to float8 only at the end.
export const FIT_FROM_SUMS_SQL = `(100 * weighted_attainment / nullif(assessed_weight, 0))::float8 as fit,
              coalesce((assessed_weight::numeric / nullif(total_weight, 0))::float8, 0) as coverage,
              case when missed then false when unknown_minimum then null else true end as must_haves_met`;
