import { endpoint } from "../../kit/serve.ts";
import { requireCaller } from "../../kit/caller.ts";
import { bookings } from "../../../subjects/bookings.ts";
import type { Deps } from "../deps.ts";
import { uploadScans } from "../usecases/upload-scans.ts";

export const checkInsUploadEndpoint = (deps: Deps) => endpoint(bookings.checkInsUpload, async (input, ctx) => uploadScans(deps, requireCaller(ctx), input));
