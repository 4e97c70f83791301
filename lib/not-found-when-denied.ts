import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/**
 * Staff pages answer 404 both for what does not exist and for what the person
 * may not see, so a page never tells an outsider which objects exist.
 */
export async function notFoundWhenDenied<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
