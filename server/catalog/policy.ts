import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import { organizationsActedFor } from "../accounts/acting-for.ts";
import { type Actor, hasPermission, isStaff, type UserActor } from "../core/actor.ts";
import type { Database } from "../db/schema.ts";

export type ServiceScope = (eb: ExpressionBuilder<Database, "services">) => Expression<SqlBool>;

/** The organizations a user acts for: their memberships and the accounts above their departments. */
function actsFor(actor: UserActor) {
  return (eb: ExpressionBuilder<Database, "services">) => {
    const { memberships, parents } = organizationsActedFor(actor.user.id);
    return eb.or([
      eb.exists(
        eb
          .selectFrom("service_organizations")
          .select("service_organizations.service_id")
          .whereRef("service_organizations.service_id", "=", "services.id")
          .where((o) =>
            o.or([
              o("service_organizations.organization_id", "in", memberships),
              o("service_organizations.organization_id", "in", parents),
            ]),
          ),
      ),
      eb.exists(
        eb
          .selectFrom("service_roles")
          .innerJoin("user_roles", "user_roles.role_id", "service_roles.role_id")
          .select("service_roles.service_id")
          .whereRef("service_roles.service_id", "=", "services.id")
          .where("user_roles.user_id", "=", actor.user.id),
      ),
    ]);
  };
}

/**
 * Which active services an actor may see and request. Deny by default:
 * visitors and access-link guests see public services only; signed-in
 * people need `catalog.view` for anything else, and restricted services
 * also need a matching organization or role. Agents see every active service.
 */
export function serviceScope(actor: Actor): ServiceScope {
  if (isStaff(actor)) return (eb) => eb("services.active", "=", 1);
  if (actor.kind !== "user" || !hasPermission(actor, "catalog.view")) {
    return (eb) => eb.and([eb("services.active", "=", 1), eb("services.visibility", "=", "public")]);
  }
  const member = actsFor(actor);
  return (eb) =>
    eb.and([
      eb("services.active", "=", 1),
      eb.or([
        eb("services.visibility", "in", ["public", "customers"]),
        eb.and([eb("services.visibility", "=", "restricted"), member(eb)]),
      ]),
    ]);
}
