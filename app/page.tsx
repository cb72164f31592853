import { Landing } from "@/components/home/landing";
import { Today } from "@/components/home/today";
import { currentSession } from "@/server/auth";
import { db } from "@/server/db";
import { getCatalogue, getCatalogueCounts } from "@/server/queries/catalogue";
import { getHome } from "@/server/queries/home";

export const dynamic = "force-dynamic";

/** Signed in: what to do today. Signed out: what Trickdeck is. */
export default async function HomePage() {
  const session = await currentSession();
  if (session) {
    const { user, settings } = session;
    const home = await getHome(db, user.id, settings, new Date());
    return <Today home={home} timeZone={settings.timeZone} />;
  }
  const [areas, counts] = await Promise.all([getCatalogue(), getCatalogueCounts()]);
  return <Landing areas={areas} counts={counts} />;
}
