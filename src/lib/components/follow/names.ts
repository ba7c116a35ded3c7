import type { CommitmentStatus } from '$lib/domain/commitments';
import { m } from '$lib/paraglide/messages';

export function statusLabel(status: CommitmentStatus): string {
	return {
		open: m.follow_status_open,
		done: m.follow_status_done,
		dropped: m.follow_status_dropped
	}[status]();
}
