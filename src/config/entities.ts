import { Firm } from '../modules/firm/firm.entity';
import { User } from '../modules/user/user.entity';
import { Session } from '../modules/auth/session.entity';
import { ApiKey } from '../modules/api-key/api-key.entity';

// Every entity the ORM knows; listed explicitly so compiled and test builds find the same ones.
export const entities = [Firm, User, Session, ApiKey];
