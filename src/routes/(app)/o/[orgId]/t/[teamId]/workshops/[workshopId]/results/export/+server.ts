import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { meetsMinimumGroup } from '$lib/domain/metrics';
import { answersExportRefusal, type AnswersExportRefusal } from '$lib/domain/permissions';
import { resultsAccess } from '$lib/server/analytics/access';
import { toCsv } from '$lib/server/analytics/csv';
import {
	aggregateJson,
	aggregateTable,
	ANSWER_HEADER,
	answerCells,
	anonymousAnswers,
	EXPORT_FORMATS,
	EXPORT_KINDS,
	exportFileName,
	TEXT_HEADER,
	textJson,
	textTable
} from '$lib/server/analytics/exports';
import { loadWorkshopTexts } from '$lib/server/analytics/texts';
import {
	countRespondents,
	listAnswers,
	listValueFacts,
	listVotingActivities
} from '$lib/server/analytics/queries';
import { loadResults } from '$lib/server/analytics/report';
import type { RequestHandler } from './$types';

const ExportQuery = z.object({
	format: z.enum(EXPORT_FORMATS),
	kind: z.enum(EXPORT_KINDS)
});

/** Why the answers, one row each, are not for this person or not yet. */
const ANSWERS_REFUSED: Record<AnswersExportRefusal, string> = {
	role: "The answers, one row each, are for the organisation's owners and the team's facilitators; the aggregates are for everyone who may read the results.",
	not_ended: 'The answers, one row each, can be downloaded once the workshop has ended.'
};

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/**
 * A workshop's aggregates, its anonymous answers or what its room wrote, as CSV or JSON. Refused (409, with the
 * reason) while fewer people answered than the organisation's minimum group size; the answers
 * also (403, with the reason) to anyone but owners and the team's facilitators, and before the
 * workshop has ended.
 */
export const GET: RequestHandler = async (event) => {
	const { db, org, workshop, role, isTeamMember } = await resultsAccess(event);
	const parsed = ExportQuery.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success) {
		error(
			400,
			'Ask for format=csv or format=json, and kind=aggregates, kind=answers or kind=texts.'
		);
	}
	const { format, kind } = parsed.data;
	if (kind === 'answers') {
		const refusal = answersExportRefusal(role, { isTeamMember }, workshop);
		if (refusal) error(403, ANSWERS_REFUSED[refusal]);
	}
	const min = org.minGroupSize;
	const tooFew = (n: number) =>
		error(409, `Too few respondents to export: shown from ${min} people, ${n} answered so far.`);

	let body: string;
	if (kind === 'texts') {
		// Each activity's texts have their own minimum (withheld rows say why): no 409 here.
		const texts = await loadWorkshopTexts(db, workshop, min);
		body =
			format === 'csv'
				? toCsv(TEXT_HEADER, textTable(texts))
				: JSON.stringify(textJson({ id: workshop.id, title: workshop.title }, texts), null, 2);
	} else if (kind === 'aggregates') {
		const results = await loadResults(db, workshop, min);
		if (results.tooFew) tooFew(results.respondents);
		const table = aggregateTable(results);
		body =
			format === 'csv'
				? toCsv(table.header, table.rows)
				: JSON.stringify(
						aggregateJson({ id: workshop.id, title: workshop.title }, results),
						null,
						2
					);
	} else {
		const activities = await listVotingActivities(db, workshop.id);
		const ids = activities.map((a) => a.id);
		const respondents = await countRespondents(db, ids);
		if (!meetsMinimumGroup(respondents.all, min)) tooFew(respondents.all);
		const answers = await listAnswers(db, ids);
		const values = await listValueFacts(db, workshop.teamId, [
			...new Set(answers.flatMap((a) => (a.valueId ? [a.valueId] : [])))
		]);
		const rows = anonymousAnswers(answers, activities, respondents.byActivity, values, min);
		body =
			format === 'csv'
				? toCsv(ANSWER_HEADER, answerCells(rows))
				: JSON.stringify(
						{
							workshop: { id: workshop.id, title: workshop.title },
							minGroupSize: min,
							answers: rows
						},
						null,
						2
					);
	}
	const name = exportFileName(workshop.title, kind, format);
	return new Response(body, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
