/** The person a verified token names, as the platform knows them. */
export interface Identity {
  readonly personId: string;
  readonly name: string;
  readonly subject: string;
  /** When the token stops being accepted: a socket it opened is closed then. Null if it never expires. */
  readonly tokenExpiresAt: Date | null;
}
