/** The gain settings page (/gevinster/innstillinger): the hourly rate and the margin. */
import { getMission } from '../../db/queries/mission';
import * as formValues from '$lib/benefits/form-values';

export function settingsPage() {
	const mission = getMission();
	return { settings: mission ? formValues.gainSettingsValues(mission) : null };
}
