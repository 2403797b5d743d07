namespace EventSync.Core.Resync;

/// <summary>The outcome of a reservation: whether the calls were reserved, and the budget after it.</summary>
public sealed record BudgetReservation(bool Reserved, ApiBudget Budget);
