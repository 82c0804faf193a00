import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the user does not exist, so timing does not reveal unknown usernames. */
export const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKxGhuQdS3J6Yx7eC6mYfWY0mD5p2t4ZyM5mu";
