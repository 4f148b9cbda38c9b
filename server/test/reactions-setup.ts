import { installTicketEventReactions } from "../reactions.ts";

installTicketEventReactions();
