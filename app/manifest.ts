import type { MetadataRoute } from "next";

// The web manifest (/manifest.webmanifest): name, colours and icons for "add to home screen".
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Trickdeck",
    short_name: "Trickdeck",
    description: "Learn the practical tricks of deep-learning training with spaced repetition.",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
