// The physical limit: for each operation, ONE hand-written SQL statement that checks the API
// key (hash, not revoked, scopes), scopes everything to its firm and returns the complete
// GraphQL response body as JSON text built by PostgreSQL. A server that runs it has nothing
// left to do but parse the request and copy bytes.

// A global id (base64url of "Type:uuid") computed by PostgreSQL.
const globalId = (type: string, column: string) =>
  `translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

// The firm of the API key whose hash is $1, if it is not revoked and has the scopes; as a
// scalar subquery (an InitPlan), so the planner treats it like a parameter.
const firmOf = (scopes: string[]) =>
  `(select firm_id from api_key where secret_hash = $1 and revoked_at is null ` +
  `and scopes @> array[${scopes.map((scope) => `'${scope}'`).join(', ')}]::text[])`;
// No row at all for a key that does not work.
const keyWorks = (scopes: string[]) => `having ${firmOf(scopes)} is not null`;

const RANKING_SCOPES = ['mandates:read', 'assessments:read', 'candidates:read'];
const ASSESSMENT_SCOPES = ['mandates:read', 'assessments:read'];
const CANDIDATES_SCOPES = ['candidates:read'];
const NESTED_SCOPES = ['mandates:read', 'assessments:read', 'candidates:read'];

// A DateTime as the server writes it (toISOString).
const isoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// $1 key hash, $2 mandate id, $3 page size. §3 of PRODUCT.md in exact numeric arithmetic,
// all candidacies of the mandate ranked, the top $3 with their per-competency breakdown (in
// rubric order) and candidate, plus a keyset cursor for each.
export const RANKING_SQL = `
with weighted as (
  select q.competency_key, q.weight, q.target, q.minimum, coalesce(k.position, 1000) as position
    from requirement q
    join mandate m on m.id = q.mandate_id
    left join competency k on k.rubric_id = m.rubric_id and k.key = q.competency_key
   where q.mandate_id = $2 and q.firm_id = ${firmOf(RANKING_SCOPES)} and q.weight > 0
), profile as (
  select sum(weight) as total_weight, count(*) filter (where minimum is not null) as minimums from weighted
), scores as (
  -- Mean score of each weighted competency of each candidacy that has ratings.
  select i.candidacy_id, r.competency_key, round(sum(r.score)::numeric, 40) / count(*) as score
    from candidacy c
    join interview i on i.candidacy_id = c.id
    join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
    join rating r on r.revision_id = s.latest_revision_id and r.score is not null
   where c.mandate_id = $2 and c.firm_id = ${firmOf(RANKING_SCOPES)}
     and r.competency_key in (select competency_key from weighted)
   group by i.candidacy_id, r.competency_key
), assessed as (
  select sc.candidacy_id,
         sum(q.weight * case when q.target = 1 then 1 else (least(sc.score, q.target) - 1) / (q.target - 1) end) as weighted_attainment,
         sum(q.weight) as assessed_weight,
         bool_or(sc.score < q.minimum) as missed,
         count(q.minimum) as assessed_minimums
    from scores sc join weighted q on q.competency_key = sc.competency_key
   group by sc.candidacy_id
), fits as (
  select c.id, c.created_at, c.mandate_id, c.candidate_id, c.stage,
         (100 * a.weighted_attainment / a.assessed_weight)::float8 as fit,
         coalesce((a.assessed_weight::numeric / nullif(p.total_weight, 0))::float8, 0) as coverage,
         case when a.missed then false when coalesce(a.assessed_minimums, 0) < p.minimums then null else true end as must_haves_met
    from candidacy c
    cross join profile p
    left join assessed a on a.candidacy_id = c.id
   where c.mandate_id = $2 and c.firm_id = ${firmOf(RANKING_SCOPES)}
     -- The ranking's default stages: every one but the exits (issue 13).
     and c.stage not in ('REJECTED', 'WITHDRAWN')
), top as (
  select f.*, (must_haves_met is false)::int as missed_rank, (fit is null)::int as unknown_fit_rank
    from fits f
   order by must_haves_met is false, fit is null, fit desc, coverage desc, created_at, id
   limit $3
), breakdown as (
  select t.id,
         json_agg(json_build_object(
           'key', q.competency_key, 'weight', q.weight, 'target', q.target, 'minimum', q.minimum,
           'score', sc.score::float8, 'gap', (sc.score - q.target)::float8,
           'surplus', greatest(0, sc.score - q.target)::float8,
           'attainment', (case when q.target = 1 then 1 else (least(sc.score, q.target) - 1) / (q.target - 1) end)::float8,
           'meetsMinimum', case when q.minimum is null or sc.score is null then null else sc.score >= q.minimum end
         ) order by q.position, q.competency_key) as competencies
    from top t
    cross join weighted q
    left join scores sc on sc.candidacy_id = t.id and sc.competency_key = q.competency_key
   group by t.id
)
select json_build_object('data', json_build_object('node', json_build_object('ranking', json_build_object('edges',
         coalesce(json_agg(json_build_object(
           'cursor', translate(encode(convert_to(json_build_array('ranking:' || t.mandate_id, t.missed_rank, t.unknown_fit_rank,
                       -coalesce(t.fit, 0), -t.coverage, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       t.id)::text, 'UTF8'), 'base64'), E'+/=\\n', '-_'),
           'node', json_build_object(
             'id', ${globalId('Candidacy', 't.id')},
             'stage', t.stage,
             'fit', json_build_object('fit', t.fit, 'coverage', t.coverage, 'mustHavesMet', t.must_haves_met,
                                      'competencies', coalesce(b.competencies, '[]'::json)),
             'candidate', json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'headline', p.headline))
         ) order by t.missed_rank, t.unknown_fit_rank, t.fit desc, t.coverage desc, t.created_at, t.id), '[]'::json)))))::text as body
  from top t
  join candidate p on p.id = t.candidate_id
  left join breakdown b on b.id = t.id
${keyWorks(RANKING_SCOPES)}`;

// $1 key hash, $2 candidacy id. Every competency of the mandate's rubric, in rubric order.
export const ASSESSMENT_SQL = `
with candidacy_ as (
  select c.id, m.rubric_id
    from candidacy c join mandate m on m.id = c.mandate_id
   where c.id = $2 and c.firm_id = ${firmOf(ASSESSMENT_SCOPES)}
), ratings as (
  select r.competency_key, avg(r.score)::float8 as score, count(*)::int as ratings_count, max(r.score) - min(r.score) as spread
    from candidacy_ c
    join interview i on i.candidacy_id = c.id
    join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
    join rating r on r.revision_id = s.latest_revision_id and r.score is not null
   group by r.competency_key
)
select json_build_object('data', json_build_object('node', (
         select json_build_object('id', ${globalId('Candidacy', 'c.id')}, 'assessment', json_build_object('competencies',
                  json_agg(json_build_object('key', k.key, 'score', r.score, 'ratingsCount', coalesce(r.ratings_count, 0),
                                             'spread', r.spread, 'disagreement', coalesce(r.spread >= 2, false))
                           order by k.position)))
           from candidacy_ c
           join competency k on k.rubric_id = c.rubric_id
           left join ratings r on r.competency_key = k.key
          group by c.id)))::text as body
${keyWorks(ASSESSMENT_SCOPES)}`;

// $1 key hash, $2 page size. The firm's candidates, oldest first (created_at, id).
export const CANDIDATES_SQL = `
with page as (
  -- Only the sort keys through the sort of the firm's candidates; the rest for the page only.
  select c.id, c.created_at from candidate c
   where c.firm_id = ${firmOf(CANDIDATES_SCOPES)}
   order by c.created_at, c.id
   limit $2
)
select json_build_object('data', json_build_object('candidates', json_build_object('edges',
         coalesce(json_agg(json_build_object('node', json_build_object(
           'id', ${globalId('Candidate', 'p.id')}, 'firstName', p.first_name, 'lastName', p.last_name, 'email', p.email,
           'headline', p.headline, 'tags', to_json(p.tags))) order by k.created_at, k.id), '[]'::json))))::text as body
  from page k
  join candidate p on p.id = k.id
${keyWorks(CANDIDATES_SCOPES)}`;

// $1 key hash, $2 mandate id, $3 page size. The first $3 candidacies of the mandate (created_at,
// id; every stage but the exits, as Mandate.candidacies shows by default) with the candidate's name and headline, their interviews (scheduled_at, id), the submitted
// scorecards of each (panel order: created_at, id; an API key sees submitted ones only) with the
// latest revision's recommendation and ratings (created_at, id, as the server orders them).
export const NESTED_SQL = `
with page as (
  select c.id, c.created_at, c.stage, c.candidate_id
    from candidacy c
   where c.mandate_id = $2 and c.firm_id = ${firmOf(NESTED_SCOPES)} and c.stage not in ('REJECTED', 'WITHDRAWN')
   order by c.created_at, c.id
   limit $3
)
select json_build_object('data', json_build_object('node', (
         select json_build_object('id', ${globalId('Mandate', 'm.id')}, 'candidacies', json_build_object('edges',
                  coalesce((select json_agg(json_build_object('node', json_build_object(
                    'id', ${globalId('Candidacy', 'k.id')},
                    'stage', k.stage,
                    'candidate', (select json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'headline', p.headline)
                                    from candidate p where p.id = k.candidate_id),
                    'interviews', coalesce((
                      select json_agg(json_build_object(
                               'id', ${globalId('Interview', 'i.id')}, 'kind', i.kind, 'scheduledAt', ${isoTime('i.scheduled_at')},
                               'scorecards', coalesce((
                                 select json_agg(json_build_object(
                                          'id', ${globalId('Scorecard', 's.id')}, 'status', s.status, 'recommendation', v.recommendation,
                                          'ratings', coalesce((
                                            select json_agg(json_build_object('competencyKey', r.competency_key, 'score', r.score)
                                                            order by r.created_at, r.id)
                                              from rating r where r.revision_id = s.latest_revision_id), '[]'::json))
                                        order by s.created_at, s.id)
                                   from scorecard s
                                   left join scorecard_revision v on v.id = s.latest_revision_id
                                  where s.interview_id = i.id and s.status = 'SUBMITTED'), '[]'::json))
                             order by i.scheduled_at, i.id)
                        from interview i where i.candidacy_id = k.id), '[]'::json)))
                  order by k.created_at, k.id) from page k), '[]'::json)))
           from mandate m
          where m.id = $2 and m.firm_id = ${firmOf(NESTED_SCOPES)})))::text as body
${keyWorks(NESTED_SCOPES)}`;

const CANDIDATES_PAGE = `page as (
  select c.id, c.created_at from candidate c
   where c.firm_id = ${firmOf(CANDIDATES_SCOPES)}
   order by c.created_at, c.id
   limit $2
)`;

// $1 key hash, $2 page size. CANDIDATES_SQL with each candidate's refs, by system.
export const CANDIDATES_WITH_REFS_SQL = `
with ${CANDIDATES_PAGE}
select json_build_object('data', json_build_object('candidates', json_build_object('edges',
         coalesce(json_agg(json_build_object('node', json_build_object(
           'id', ${globalId('Candidate', 'p.id')}, 'firstName', p.first_name, 'lastName', p.last_name, 'email', p.email,
           'headline', p.headline, 'tags', to_json(p.tags),
           'externalRefs', coalesce((select json_agg(json_build_object('system', x.system, 'externalId', x.external_id) order by x.system)
                                       from candidate_external_ref x where x.candidate_id = p.id), '[]'::json)))
           order by k.created_at, k.id), '[]'::json))))::text as body
  from page k
  join candidate p on p.id = k.id
${keyWorks(CANDIDATES_SCOPES)}`;

// Not a limit of the benchmark: the floor of any server that keeps the read audit (issue 7: the
// emails read are logged, durably, before the answer). CANDIDATES_WITH_REFS_SQL that, in the same
// statement and commit, also writes the row our server writes for the page ($3 the request id):
// no second statement, no second round trip. compare.js measures it against the limit.
export const CANDIDATES_WITH_REFS_AUDITED_SQL = CANDIDATES_WITH_REFS_SQL.replace(
  `with ${CANDIDATES_PAGE}`,
  `with ${CANDIDATES_PAGE}, audit as (
  insert into audit_event (id, firm_id, occurred_at, actor_kind, actor_user_id, actor_api_key_id, action, object_type, object_id,
                           object_ids, summary, request_id)
  select gen_random_uuid(), a.firm_id, now(), 'API_KEY', null, a.id, 'read:Candidate', 'Candidate',
         case when count(*) = 1 then min(k.id::text)::uuid end, array_agg(k.id order by k.id), '{"fields": ["email"]}'::jsonb, $3
    from page k cross join api_key a
   where a.secret_hash = $1
   group by a.firm_id, a.id
)`,
);

// Issue 15's figures are for people: the admin whose session token hashes to $1 (signed in, not
// deactivated), with their firm; and the candidacies they still have an unsubmitted scorecard on
// (independent scoring leaves those out of every figure they see).
const SIGNED_IN_ADMIN = `
viewer as (
  select s.firm_id, s.user_id
    from session s join "user" u on u.id = s.user_id
   where s.token_hash = $1 and s.expires_at > now() and u.role = 'ADMIN' and u.deactivated_at is null
), own_drafts as (
  select oi.candidacy_id
    from viewer v
    join scorecard od on od.interviewer_id = v.user_id and od.status = 'DRAFT'
    join interview oi on oi.id = od.interview_id and oi.status not in ('CANCELLED', 'NO_SHOW')
)`;
const adminWorks = `having (select firm_id from viewer) is not null`;

// $1 session token hash, $2 page size. §3b's leniency of every interviewer of the firm over all
// its counted ratings, by |shrunkLeniency| descending then id, in exact numeric arithmetic.
export const CALIBRATION_SQL = `
with ${SIGNED_IN_ADMIN}, counted as (
  select i.candidacy_id, r.competency_key, s.interviewer_id, r.score
    from viewer v
    join interview i on i.firm_id = v.firm_id
    join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
    join rating r on r.revision_id = s.latest_revision_id and r.score is not null
   where i.candidacy_id not in (select candidacy_id from own_drafts)
), cell_values as (
  select candidacy_id, competency_key, interviewer_id, avg(score::numeric) as value
    from counted group by candidacy_id, competency_key, interviewer_id
), cells as (
  select *, count(*) over cell as raters, sum(value) over cell as total
    from cell_values window cell as (partition by candidacy_id, competency_key)
), differences as (
  select interviewer_id, case when raters >= 2 then value - (total - value) / (raters - 1) end as d from cells
), figures as (
  select interviewer_id, count(d)::int as compared_cells, avg(d)::float8 as leniency,
         (stddev_samp(d) / sqrt(count(d)::numeric))::float8 as standard_error,
         coalesce(avg(d) * count(d) / (count(d) + 10), 0)::float8 as shrunk
    from differences group by interviewer_id
), top as (
  select *, -abs(shrunk) as shrunk_key from figures order by shrunk_key, interviewer_id limit $2
)
select json_build_object('data', json_build_object('interviewerCalibration', json_build_object('nodes',
         coalesce(json_agg(json_build_object(
           'interviewer', json_build_object('id', ${globalId('User', 't.interviewer_id')}),
           'comparedCells', t.compared_cells, 'leniency', t.leniency, 'standardError', t.standard_error,
           'low', t.leniency - 1.96 * t.standard_error, 'high', t.leniency + 1.96 * t.standard_error,
           'shrunkLeniency', t.shrunk) order by t.shrunk_key, t.interviewer_id), '[]'::json))))::text as body
  from top t
${adminWorks}`;

// $1 session token hash, $2 mandate id. Krippendorff's alpha (interval metric) of the mandate's
// counted ratings, overall and per competency of its rubric (rubric order): units are cells with
// two or more ratings. With values v of a unit of m ratings, Σ_{i≠j} (v_i − v_j)² = 2m·Σv² − 2(Σv)²,
// so the observed disagreement is Σ_u (2m·Σv² − 2(Σv)²)/(m − 1) and the expected one
// 2N·Σv² − 2(Σv)² over all N pairable values: alpha = 1 − (N − 1)·observed/expected. The bootstrap
// interval (1,000 resamples with the model's own PRNG) has no counterpart here: low and high are
// null and the benchmark does not compare them.
export const AGREEMENT_SQL = `
with ${SIGNED_IN_ADMIN}, mandate_ as (
  select m.id, m.rubric_id from viewer v join mandate m on m.firm_id = v.firm_id and m.id = $2
), units as (
  select r.competency_key, count(*) as m, sum(r.score) as s1, sum(r.score * r.score) as s2
    from mandate_ md
    join candidacy c on c.mandate_id = md.id
    join interview i on i.candidacy_id = c.id
    join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
    join rating r on r.revision_id = s.latest_revision_id and r.score is not null
   where c.id not in (select candidacy_id from own_drafts)
   group by c.id, r.competency_key
  having count(*) >= 2
), figures as (
  select grouping(competency_key) = 1 as overall, competency_key, count(*)::int as units, sum(m)::int as n,
         sum((2 * m * s2 - 2 * s1 * s1)::numeric / (m - 1)) as observed, 2 * sum(m) * sum(s2) - 2 * sum(s1) * sum(s1) as expected
    from units group by grouping sets ((), (competency_key))
), alphas as (
  select overall, competency_key, units, n,
         case when n > 1 and expected <> 0 then (1 - (n - 1) * observed / expected)::float8 end as alpha
    from figures
), readings as (
  select *, case when alpha is null or units < 10 then 'INSUFFICIENT_DATA' when alpha >= 0.8 then 'RELIABLE'
                 when alpha >= 0.667 then 'TENTATIVE' else 'UNRELIABLE' end as reading
    from alphas
)
select json_build_object('data', json_build_object('node', json_build_object('agreement', json_build_object(
         'overall', (select json_build_object('alpha', o.alpha, 'pairableUnits', coalesce(o.units, 0), 'pairableValues', coalesce(o.n, 0),
                                              'low', null, 'high', null, 'reading', coalesce(o.reading, 'INSUFFICIENT_DATA'))
                       from (select 1) one left join readings o on o.overall),
         'byCompetency', (select json_agg(json_build_object('key', k.key, 'alpha', x.alpha, 'pairableUnits', coalesce(x.units, 0),
                                                            'pairableValues', coalesce(x.n, 0), 'low', null, 'high', null,
                                                            'reading', coalesce(x.reading, 'INSUFFICIENT_DATA')) order by k.position)
                            from mandate_ md join competency k on k.rubric_id = md.rubric_id
                            left join readings x on not x.overall and x.competency_key = k.key)))))::text as body
${adminWorks}`;

const TALENT_POOL_SCOPES = ['mandates:read', 'assessments:read', 'candidates:read'];

// $1 key hash, $2 mandate id, $3 page size. The talent pool of PRODUCT.md §3c over the maintained
// per-mandate match order (talent_pool_match, built by the app's first read of the mandate), as an
// API key sees it (no blind candidacies): the order's index walked, eligible candidates outside the
// mandate's pipeline, the top $3 with their per-competency figures from the per-candidate rollup
// (candidate_competency_rollup, in rubric order).
export const TALENT_POOL_SQL = `
with weighted as (
  select q.competency_key, q.weight, q.target, q.minimum, coalesce(k.position, 1000) as position
    from requirement q
    join mandate m on m.id = q.mandate_id
    left join competency k on k.rubric_id = m.rubric_id and k.key = q.competency_key
   where q.mandate_id = $2::uuid and q.firm_id = ${firmOf(TALENT_POOL_SCOPES)} and q.weight > 0
), pooled as (
  select p.candidate_id, p.competency_key, round(p.score_sum::numeric, 40) / p.ratings_count as score,
         p.ratings_count, p.mandates_count, p.last_assessed_at
    from candidate_competency_rollup p
    join weighted w on w.competency_key = p.competency_key
   where p.firm_id = ${firmOf(TALENT_POOL_SCOPES)}
), top as (
  select m.candidate_id as id, m.fit, m.coverage, m.must_haves_met, m.last_assessed_at, m.missed_rank, m.unknown_fit_rank
    from talent_pool_match m
    join candidate c on c.id = m.candidate_id
   where m.firm_id = ${firmOf(TALENT_POOL_SCOPES)} and m.mandate_id = $2::uuid
     and c.erased_at is null and c.consent_status <> 'WITHDRAWN' and (c.retain_until is null or c.retain_until >= current_date)
     and not exists (select 1 from candidacy x where x.mandate_id = $2::uuid and x.candidate_id = c.id)
   order by m.missed_rank, m.unknown_fit_rank, m.fit_key, m.coverage_key, m.assessed_key, m.candidate_id
   limit $3
), breakdown as (
  select t.id,
         json_agg(json_build_object(
           'key', q.competency_key, 'weight', q.weight, 'target', q.target, 'minimum', q.minimum,
           'score', sc.score::float8, 'ratingsCount', coalesce(sc.ratings_count, 0), 'mandatesCount', coalesce(sc.mandates_count, 0),
           'lastAssessedAt', ${isoTime('sc.last_assessed_at')},
           'gap', (sc.score - q.target)::float8,
           'attainment', (case when q.target = 1 then 1 else (least(sc.score, q.target) - 1) / (q.target - 1) end)::float8,
           'meetsMinimum', case when q.minimum is null or sc.score is null then null else sc.score >= q.minimum end
         ) order by q.position, q.competency_key) as competencies
    from top t
    cross join weighted q
    left join pooled sc on sc.candidate_id = t.id and sc.competency_key = q.competency_key
   group by t.id
)
select json_build_object('data', json_build_object('node', json_build_object('talentPool', json_build_object('edges',
         coalesce(json_agg(json_build_object(
           'cursor', translate(encode(convert_to(json_build_array('talentPool:' || $2::uuid::text, t.missed_rank, t.unknown_fit_rank,
                       -coalesce(t.fit, 0), -t.coverage, t.last_assessed_at, t.id)::text, 'UTF8'), 'base64'), E'+/=\\n', '-_'),
           'node', json_build_object(
             'inPipeline', false,
             'lastAssessedAt', ${isoTime('t.last_assessed_at')},
             'candidate', json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'headline', p.headline),
             'fit', json_build_object('fit', t.fit, 'coverage', t.coverage, 'mustHavesMet', t.must_haves_met,
                                      'competencies', coalesce(b.competencies, '[]'::json)))
         ) order by t.missed_rank, t.unknown_fit_rank, t.fit desc, t.coverage desc, t.last_assessed_at desc, t.id), '[]'::json)))))::text as body
  from top t
  join candidate p on p.id = t.id
  left join breakdown b on b.id = t.id
${keyWorks(TALENT_POOL_SCOPES)}`;
