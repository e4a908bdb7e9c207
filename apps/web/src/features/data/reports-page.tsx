import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { FormField } from '../../components/form-field.tsx';
import { Loading } from '../../components/loading.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import type { ApiClient } from '../../lib/api-client.ts';
import { asProblem, type ApiProblem } from '../../lib/problem.ts';
import { useApi } from '../../lib/session.tsx';
import { HiresChart } from './hires-chart.tsx';
import {
  QUARTERS,
  quarterTotals,
  type DepartmentsAboveMean,
  type HiresByQuarter,
} from './report-types.ts';
import './data.css';

/** How many years back the page looks for the latest one with hires. */
const YEARS_LOOKED_AT = 10;

interface Reports {
  hires: HiresByQuarter;
  above: DepartmentsAboveMean;
}

async function loadReports(api: ApiClient, year: number): Promise<Reports> {
  const [hires, above] = await Promise.all([
    api.get<HiresByQuarter>(`/reports/hires-by-quarter?year=${year}`),
    api.get<DepartmentsAboveMean>(`/reports/departments-above-mean?year=${year}`),
  ]);
  return { hires, above };
}

/** The latest year (this one and the ones before) with any hire, or null. */
async function latestYearWithHires(api: ApiClient): Promise<number | null> {
  const thisYear = new Date().getUTCFullYear();
  for (let year = thisYear; year > thisYear - YEARS_LOOKED_AT; year -= 1) {
    const report = await api.get<HiresByQuarter>(`/reports/hires-by-quarter?year=${year}`);
    if (report.items.length > 0) return year;
  }
  return null;
}

/** Reports: hires per quarter (chart and table) and the departments above the mean, by year. */
export function ReportsPage() {
  const api = useApi();
  const [year, setYear] = useState<number | null | undefined>(undefined);
  const [yearInput, setYearInput] = useState('');
  const [reports, setReports] = useState<Reports | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    latestYearWithHires(api)
      .then((found) => {
        if (cancelled) return;
        // A year the reader already asked for (or is typing) wins over the one looked up.
        setYear((chosen) => (chosen === undefined ? found : chosen));
        setYearInput((typed) => typed || String(found ?? new Date().getUTCFullYear()));
      })
      .catch((caught: unknown) => {
        if (!cancelled) setProblem(asProblem(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    if (year === null || year === undefined) return;
    let cancelled = false;
    setLoading(true);
    loadReports(api, year)
      .then((loaded) => {
        if (!cancelled) {
          setReports(loaded);
          setProblem(undefined);
        }
      })
      .catch((caught: unknown) => {
        if (!cancelled) setProblem(asProblem(caught));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [api, year]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const parsed = Number(yearInput);
    if (Number.isInteger(parsed) && parsed >= 1000 && parsed <= 9999) setYear(parsed);
    else setProblem(asProblem(new Error('Give a year such as 2021.')));
  };

  return (
    <div className="data reports">
      <p className="breadcrumb">
        <Link to="/data">Data</Link>
      </p>
      <h1>Reports</h1>
      <form className="year-form" onSubmit={submit} noValidate>
        <FormField
          label="Year"
          name="year"
          inputMode="numeric"
          value={yearInput}
          onChange={(event) => setYearInput(event.target.value)}
          error={problem?.field('year') ?? (problem?.status === 0 ? problem.summary : undefined)}
        />
        <button type="submit">Show</button>
      </form>
      {problem && problem.status !== 0 && !problem.field('year') ? (
        <ProblemMessage problem={problem} />
      ) : null}
      {year === undefined && !problem ? (
        <Loading label="Looking for the latest year with hires…" />
      ) : year === null ? (
        <EmptyState title="No hires to report yet">
          <p>
            <Link to="/data">Upload a data set first</Link>: departments, jobs and hired employees.
          </p>
        </EmptyState>
      ) : loading && !reports ? (
        <Loading label="Loading the reports…" />
      ) : reports ? (
        <ReportViews reports={reports} />
      ) : null}
    </div>
  );
}

function ReportViews({ reports }: { reports: Reports }) {
  const { hires, above } = reports;
  if (hires.items.length === 0) {
    return (
      <EmptyState title={`No hires in ${hires.year}`}>
        <p>
          Try another year, or <Link to="/data">upload a data set first</Link>.
        </p>
      </EmptyState>
    );
  }
  const totals = quarterTotals(hires);
  return (
    <>
      <section aria-labelledby="chart-heading" className="card">
        <h2 id="chart-heading">Hires per quarter</h2>
        <HiresChart year={hires.year} totals={totals} />
      </section>
      <section aria-labelledby="above-heading" className="card">
        <h2 id="above-heading">Departments above the mean</h2>
        <div className="table-scroll">
          <table>
            <caption>
              Departments that hired more than the mean of {above.mean.toFixed(1)} people in{' '}
              {above.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Department</th>
                <th scope="col" className="number">
                  Hired
                </th>
              </tr>
            </thead>
            <tbody>
              {above.items.map((row) => (
                <tr key={row.id}>
                  <td>{row.id}</td>
                  <th scope="row">{row.department}</th>
                  <td className="number">{row.hired}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="quarter-heading" className="card">
        <h2 id="quarter-heading">Hires by department and job</h2>
        <div className="table-scroll">
          <table>
            <caption>People hired in {hires.year} by department and job, per quarter</caption>
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Job</th>
                {QUARTERS.map((quarter) => (
                  <th scope="col" key={quarter} className="number">
                    {quarter.toUpperCase()}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {hires.items.map((row) => (
                <tr key={`${row.department}\u0000${row.job}`}>
                  <th scope="row">{row.department}</th>
                  <td>{row.job}</td>
                  {QUARTERS.map((quarter) => (
                    <td key={quarter} className="number">
                      {row[quarter]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
