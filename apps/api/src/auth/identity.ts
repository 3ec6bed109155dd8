/** The person a verified token names, as the platform knows them. */
export interface Identity {
  readonly personId: string;
  readonly name: string;
  readonly subject: string;
}
