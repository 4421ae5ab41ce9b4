export { BacktestPanel, type BacktestPanelProps, type BacktestWindow } from "./backtest-panel";
