import type { Tx } from "@/server/context";

export function findUserByEmail(tx: Tx, email: string) {
  return tx.user.findUnique({ where: { email: email.toLowerCase() } });
}

export function findUserById(tx: Tx, id: string) {
  return tx.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}

export function touchLastLogin(tx: Tx, id: string) {
  return tx.user.update({ where: { id }, data: { lastLoginAt: new Date() }, select: { id: true } });
}
