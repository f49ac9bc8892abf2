// The forms /mail-review posts, checked on the server only: the browser never downloads zod (#18,
// docs/decisions/022).
import { z } from "zod";
import { idNumber } from "../domain/id-bounds";

export const actionSchema = z.object({ id: idNumber });
