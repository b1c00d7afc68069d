import { Migration } from '@mikro-orm/migrations';

// Data fix for Migration20261202081247, which made every existing interview SCHEDULED: an interview
// with a submitted scorecard was held. It becomes HELD as markInterviewHeld would have made it:
// held when it was scheduled (or at its first submission, if that came earlier), its scorecards due
// the firm's setting later, its version raised (a client holding the old version gets CONFLICT).
// Cancelled and no-show interviews cannot have been set before that migration and are left alone.
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update "interview" i
          set "status" = 'HELD',
              "held_at" = h.held_at,
              "scorecards_due_at" = h.held_at + make_interval(hours => f.scorecard_due_hours),
              "version" = i.version + 1
         from (select s.interview_id, least(min(i2.scheduled_at), min(s.submitted_at)) as held_at
                 from "scorecard" s
                 join "interview" i2 on i2.id = s.interview_id
                where s.status = 'SUBMITTED'
                group by s.interview_id) h,
              "firm" f
        where h.interview_id = i.id and f.id = i.firm_id and i.status = 'SCHEDULED';`,
    );
  }

  // Nothing to undo: which interviews were SCHEDULED before is not known, and HELD is true of them.
  override async down(): Promise<void> {}
}
