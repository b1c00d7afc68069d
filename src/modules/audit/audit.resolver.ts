import { Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import { toGlobalId } from '../../common/global-id';
import { principalOf, type Context } from '../../common/context';
import { AuditEvent } from './audit-event.entity';
import { AuditEventConnection, AuditEventsArgs } from './audit.inputs';
import { listAuditEvents } from './audit.service';
import { AUDIT_READERS } from '../../common/access';

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Authorized(...AUDIT_READERS)
  @Query(() => AuditEventConnection, { description: "The firm's audit log, newest first. Admins only." })
  auditEvents(@Args() { filter, ...page }: AuditEventsArgs, @Ctx() context: Context): Promise<Connection<AuditEvent>> {
    return listAuditEvents(context.em, principalOf(context).firmId, filter, page);
  }

  // Only the id: who it is, node(id) tells those allowed to know.
  @FieldResolver(() => ID, { nullable: true, description: 'The User or ApiKey that acted; null for nobody signed in.' })
  actorId(@Root() event: AuditEvent): string | null {
    if (event.actorUserId) return toGlobalId('User', event.actorUserId);
    if (event.actorApiKeyId) return toGlobalId('ApiKey', event.actorApiKeyId);
    return null;
  }

  @FieldResolver(() => ID, {
    nullable: true,
    description: 'The global id of the object, of type objectType, when the event is about one object; else null (see objectIds).',
  })
  objectId(@Root() event: AuditEvent): string | null {
    return event.objectType && event.objectId ? toGlobalId(event.objectType, event.objectId) : null;
  }

  @FieldResolver(() => [ID], {
    description:
      'The global ids of every object the event is about, of type objectType: all the objects one request read the same ' +
      'fields of (read:<Type>), or the one object of a mutation (empty when it has none).',
  })
  objectIds(@Root() event: AuditEvent): string[] {
    const { objectType } = event;
    if (!objectType) return [];
    // A row written before objectIds existed names its one object in objectId only.
    const ids = event.objectIds.length > 0 ? event.objectIds : event.objectId ? [event.objectId] : [];
    return ids.map((id) => toGlobalId(objectType, id));
  }
}
