import type { Config } from "tailwindcss";

// Linked from app/globals.css with @config; theme tokens live here so components share one palette.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        ink: { DEFAULT: "#16151a", soft: "#2a2830", muted: "#6b6874" },
        paper: { DEFAULT: "#faf9f7", raised: "#ffffff", sunk: "#f1efeb" },
        accent: { DEFAULT: "#5b4bff", hover: "#4a3bef", soft: "#ecebff" },
        danger: { DEFAULT: "#c2352b", soft: "#fdecea" },
        success: { DEFAULT: "#1f7a4d", soft: "#e7f5ee" },
      },
      fontFamily: {
        sans: ["var(--font-inter)", "ui-sans-serif", "system-ui", "sans-serif"],
      },
      borderRadius: { card: "14px" },
    },
  },
};

export default config;
