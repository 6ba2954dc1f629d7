import "./insights.css";

import { PageHeader } from "../../ui/card";
import { AnomaliesCard } from "./anomalies-card";
import { ForecastCard } from "./forecast-card";
import { RecommendationsCard } from "./recommendations-card";
import { SavingsCard } from "./savings-card";

/** What Moneta reads from your data: where the balance is heading, what looks unusual, what to do. */
export default function InsightsPage() {
  return (
    <div className="insights">
      <PageHeader title="Insights" />
      <div className="grid">
        <ForecastCard />
        <SavingsCard />
        <AnomaliesCard />
        <RecommendationsCard />
      </div>
    </div>
  );
}
