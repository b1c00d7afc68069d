import { ArgsType, Field, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection';

@InputType()
export class ChangeFilter {
  @Field(() => Date, { nullable: true, description: 'Only what changed at or after this time.' })
  updatedSince?: Date | null;
}

@ArgsType()
export class ChangesArgs extends ConnectionArgs {
  @Field(() => ChangeFilter, { nullable: true })
  filter?: ChangeFilter | null;
}
