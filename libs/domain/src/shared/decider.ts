/** An event or command as stored and sent: a stable type string and plain readonly data. */
export type Message<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Readonly<Data> }>;

/**
 * The write-side model of one aggregate. `decide` is pure: everything it needs, including the
 * current time, arrives in the command, so it can be tested as given(events) / when(command).
 */
export interface Decider<Command extends Message, Event extends Message, State> {
  readonly initialState: State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export function fold<Event extends Message, State>(
  decider: Pick<Decider<Message, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}
