import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { principalOf } from '../../common/context';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { ApiKey } from '../api-key';
import { Viewer, ViewerKind } from './viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Authorized()
  @Query(() => Viewer, { description: 'Who am I: user or API key, firm, role or scopes.' })
  async viewer(@Ctx() context: Context): Promise<Viewer> {
    const principal = principalOf(context);
    const firm = await context.em.findOneOrFail(Firm, principal.firmId);
    if (principal.kind === 'USER') {
      const user = await context.em.findOneOrFail(User, principal.userId);
      return { kind: ViewerKind.USER, firm, user, apiKey: null, role: user.role, scopes: [] };
    }
    const apiKey = await context.em.findOneOrFail(ApiKey, principal.apiKeyId);
    return { kind: ViewerKind.API_KEY, firm, user: null, apiKey, role: null, scopes: apiKey.scopes };
  }
}
