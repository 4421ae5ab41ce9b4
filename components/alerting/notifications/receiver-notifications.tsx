"use client";

export interface ReceiverNotificationsProps {
  projectId: string;
  receiverName: string;
}

/** The receiver's rendered messages, test send and delivery log (being built: a placeholder). */
export function ReceiverNotifications({ receiverName }: ReceiverNotificationsProps): React.JSX.Element {
  return (
    <section aria-label={`Notifications of ${receiverName}`}>
      <h3 className="text-sm font-semibold">Notifications</h3>
      <p className="text-sm text-muted-foreground">Message preview and test send are coming.</p>
    </section>
  );
}
