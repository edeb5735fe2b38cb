import { createContext, useContext, useEffect } from 'react';

export const ShellTitleContext = createContext<(title: string | null) => void>(() => undefined);

/** Shows `title` (the current project's name) in the application header while mounted. */
export function useShellTitle(title: string | null): void {
  const set = useContext(ShellTitleContext);
  useEffect(() => {
    set(title);
    return () => set(null);
  }, [set, title]);
}
