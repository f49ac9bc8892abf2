// The forms a provider's dispute page posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { filerActionSchemas } from "../domain/filer-action-input";

export const actionSchema = z.discriminatedUnion("intent", [...filerActionSchemas]);
