import { demoFirms } from './data/demo-world';

// The logins PRODUCT.md binds, in its order.
export const BINDING_LOGINS = ['admin@nordlys.example', 'recruiter@nordlys.example', 'client@fjordnett.example', 'admin@fjellvik.example'];

export interface DemoLogin {
  firm: string;
  email: string;
  password: string;
  role: 'ADMIN' | 'RECRUITER' | 'CLIENT';
}

// The logins printed at start-up: the binding ones of PRODUCT.md first, then every other
// demo user in the order of the data.
export function demoLogins(): DemoLogin[] {
  const logins = demoFirms.flatMap((firm) =>
    firm.users.map((user) => ({ firm: firm.name, email: user.email, password: user.password, role: user.role })),
  );
  const rank = (login: DemoLogin) => {
    const index = BINDING_LOGINS.indexOf(login.email);
    return index === -1 ? BINDING_LOGINS.length : index;
  };
  // Array.prototype.sort is stable: the other users keep the order of the data.
  return logins.sort((first, second) => rank(first) - rank(second));
}
