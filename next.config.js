/** @type {import('next').NextConfig} */
const nextConfig = {
  // native and wasm database modules stay outside the server bundle
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "@prisma/client", "@open-spaced-repetition/binding"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
