import { Landing } from "@/components/home/landing";
import { Today } from "@/components/home/today";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { getCatalogue, getCatalogueCounts } from "@/server/queries/catalogue";
import { getHome } from "@/server/queries/home";
import { loadStudySettings } from "@/server/review/study-settings";

export const dynamic = "force-dynamic";

/** Signed in: what to do today. Signed out: what Trickdeck is. */
export default async function HomePage() {
  const user = await currentUser();
  if (user) {
    const settings = await loadStudySettings(db, user.id);
    const home = await getHome(db, user.id, settings, new Date());
    return <Today home={home} timeZone={settings.timeZone} />;
  }
  const [areas, counts] = await Promise.all([getCatalogue(), getCatalogueCounts()]);
  return <Landing areas={areas} counts={counts} />;
}
