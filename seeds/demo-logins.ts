import { demoFirms } from './data/demo-world';

// The logins printed at start-up: the binding ones of PRODUCT.md come first.
export function demoLogins() {
  return demoFirms.flatMap((firm) =>
    firm.users.map((user) => ({ firm: firm.name, email: user.email, password: user.password, role: user.role })),
  );
}
