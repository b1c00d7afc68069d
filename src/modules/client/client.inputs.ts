import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Client } from './client.entity';

@InputType()
export class CreateClientInput {
  @Field({ description: 'The company name, at most 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Official registration number, unique per country; at most 40 characters.' })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  industry?: string | null;

  @Field(() => Int, { nullable: true, description: '1–10,000,000.' })
  employeeCount?: number | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. NO (stored in upper case).' })
  country!: string;
}

@InputType({ description: 'The fields to change; a field left out stays as it is, null clears an optional one.' })
export class UpdateClientInput {
  @Field(() => ID)
  clientId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => Int, { nullable: true })
  employeeCount?: number | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}

@ObjectType()
export class CreateClientPayload extends Payload {
  @Field(() => Client, { nullable: true })
  client: Client | null = null;
}

@ObjectType()
export class UpdateClientPayload extends Payload {
  @Field(() => Client, { nullable: true })
  client: Client | null = null;
}

@ObjectType()
export class ClientConnection extends ConnectionType('Client', Client) {}
