import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKeyScope, Role } from '../../common/access';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { ApiKey } from '../api-key';

export enum ViewerKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
}
registerEnumType(ViewerKind, { name: 'ViewerKind' });

@ObjectType({ description: 'Who is calling: a signed-in user or an API key, of which firm, allowed what.' })
export class Viewer {
  @Field(() => ViewerKind)
  kind!: ViewerKind;

  @Field(() => Firm)
  firm!: Firm;

  @Field(() => User, { nullable: true, description: 'The signed-in user; null for an API key.' })
  user!: User | null;

  @Field(() => ApiKey, { nullable: true, description: 'The API key; null for a user.' })
  apiKey!: ApiKey | null;

  @Field(() => Role, { nullable: true, description: "The user's role; null for an API key." })
  role!: Role | null;

  @Field(() => [ApiKeyScope], { description: "The API key's scopes; empty for a user." })
  scopes!: ApiKeyScope[];
}
