import type { ReactNode } from "react";

/** A back-office table: a caption for screen readers, column headers, rows as given. */
export function DataTable(props: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">{props.children}</tbody>
      </table>
    </div>
  );
}

export const cellClassName = "px-4 py-2 text-slate-700";
