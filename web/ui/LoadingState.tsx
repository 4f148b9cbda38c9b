import { Center, Loader, VisuallyHidden } from "@mantine/core";

/** A spinner that screen readers announce as `label`. */
export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
