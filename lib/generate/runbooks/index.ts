export { generateRunbooks } from "./runbooks";
